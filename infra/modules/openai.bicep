metadata description = 'Azure OpenAI account (keys disabled) with one chat model deployment; the bot identity calls it as Cognitive Services OpenAI User.'

param baseName string
param location string
param tags object

@description('Model to deploy; must be offered in the region and deployment type chosen.')
param modelName string

@description('Model version.')
param modelVersion string

@description('Deployment type. DataZoneStandard keeps processing inside the EU data zone for EU regions.')
@allowed(['Standard', 'DataZoneStandard', 'GlobalStandard'])
param deploymentSku string

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

@description('Resource id of the bot identity; a deploy-time constant, so role assignment names are known to What-If.')
param identityId string

@description('Principal id of the bot identity.')
param principalId string

@description('The App Service integration subnet, the only network admitted; empty leaves the account reachable from any network (still Entra ID only).')
param appSubnetId string

// Built-in role: Cognitive Services OpenAI User.
var openAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-${baseName}'
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    // A custom subdomain is what makes Entra ID tokens work; it is also the endpoint host.
    customSubDomainName: toLower('oai-${baseName}-${uniqueString(resourceGroup().id, baseName)}')
    disableLocalAuth: true
    // With a subnet: reachable only from the bot's App Service (service endpoint).
    publicNetworkAccess: 'Enabled'
    networkAcls: empty(appSubnetId)
      ? { defaultAction: 'Allow' }
      : {
          defaultAction: 'Deny'
          virtualNetworkRules: [{ id: appSubnetId, ignoreMissingVnetServiceEndpoint: false }]
          ipRules: []
        }
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: modelName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'OnceCurrentVersionExpired'
  }
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identityId, openAiUserRoleId)
  scope: account
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRoleId)
  }
}

output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
