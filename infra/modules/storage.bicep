metadata description = 'Storage account for bot state (conversation, user and plan documents) with a private blob container. Entra ID only: no shared keys, no anonymous blobs.'

param baseName string
param location string
param tags object

@description('Blob container the bot keeps its state in (Storage__Blob__Container).')
param containerName string

@description('Resource id of the bot identity; a deploy-time constant, so role assignment names are known to What-If.')
param identityId string

@description('Redundancy. ZRS survives the loss of a zone; use LRS in regions without zones.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('Days a deleted or overwritten blob stays restorable (soft delete). Short, because a person\'s deleted data stays in these copies until then (docs/PRIVACY.md).')
@minValue(1)
@maxValue(7)
param deletedBlobRetentionDays int = 1

@description('Principal id of the bot identity; gets Storage Blob Data Contributor on the container.')
param principalId string

@description('The App Service integration subnet, the only network admitted; empty leaves the account reachable from any network (still Entra ID only).')
param appSubnetId string

// Built-in role: Storage Blob Data Contributor.
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  // Globally unique, 3-24 lower-case letters and digits.
  name: take('st${toLower(replace(baseName, '-', ''))}${uniqueString(resourceGroup().id, baseName)}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // With a subnet: reachable only from the bot's App Service (service endpoint), no trusted-service bypass.
    publicNetworkAccess: 'Enabled'
    networkAcls: empty(appSubnetId)
      ? { bypass: 'AzureServices', defaultAction: 'Allow' }
      : {
          bypass: 'None'
          defaultAction: 'Deny'
          virtualNetworkRules: [{ id: appSubnetId, action: 'Allow' }]
        }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: deletedBlobRetentionDays }
    containerDeleteRetentionPolicy: { enabled: true, days: deletedBlobRetentionDays }
    isVersioningEnabled: false
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, identityId, blobDataContributorRoleId)
  scope: container
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
  }
}

output blobServiceUri string = account.properties.primaryEndpoints.blob
output containerName string = container.name
