metadata description = 'The user-assigned managed identity the bot runs as: its Bot Framework app id, and the principal that gets data-plane roles instead of keys.'

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
