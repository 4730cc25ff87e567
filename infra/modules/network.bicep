metadata description = 'Virtual network for the App Service\'s outbound traffic: one subnet delegated to the App Service plan, with service endpoints for Storage, Azure OpenAI (Cognitive Services) and Key Vault, so those accounts can admit this subnet and refuse every other network.'

param baseName string
param location string
param tags object

@description('Address space of the virtual network.')
param addressPrefix string = '10.40.0.0/24'

@description('The App Service integration subnet (at least /28; /26 leaves room to scale out).')
param appSubnetPrefix string = '10.40.0.0/26'

resource vnet 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: 'vnet-${baseName}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: { serviceName: 'Microsoft.Web/serverFarms' }
            }
          ]
          serviceEndpoints: [
            { service: 'Microsoft.Storage' }
            { service: 'Microsoft.CognitiveServices' }
            { service: 'Microsoft.KeyVault' }
          ]
        }
      }
    ]
  }
}

output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-app')
