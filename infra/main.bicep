metadata description = 'Samskapelse.Bot in production: Azure Bot (Teams channel) on Linux App Service (.NET 10), running as a user-assigned managed identity that reaches Blob Storage, Azure OpenAI and Key Vault through Entra ID roles, by default only from its own subnet. No keys or passwords are created; the link signing key you supply is kept in Key Vault.'

targetScope = 'resourceGroup'

@description('Base for resource names, e.g. samskapelse-prod. Letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Region for everything except the bot registration (global) and Azure OpenAI.')
param location string = resourceGroup().location

@description('Region for Azure OpenAI; must offer the chosen model and deployment type.')
param openAiLocation string = location

@description('Name shown for the bot in Azure.')
@maxLength(42)
param botDisplayName string = 'Samskapelse'

@description('App Service plan SKU. B1 for trials, P0v3 or better for production.')
param webAppSku string = 'B1'

@description('Azure Bot SKU. F0 is free for standard channels such as Teams.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Blob container for bot state.')
@minLength(3)
@maxLength(63)
param stateContainerName string = 'bot-state'

@description('Storage redundancy for bot state.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param stateStorageSku string = 'Standard_ZRS'

@description('Chat model to deploy in Azure OpenAI.')
param openAiModelName string = 'gpt-4.1-mini'

@description('Version of the chat model.')
param openAiModelVersion string = '2025-04-14'

@description('Azure OpenAI deployment type.')
@allowed(['Standard', 'DataZoneStandard', 'GlobalStandard'])
param openAiDeploymentSku string = 'DataZoneStandard'

@description('Azure OpenAI capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 30

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@secure()
@description('HMAC key that signs the bot\'s download links: at least 32 random bytes in base64 (`openssl rand -base64 32`), stored in Key Vault as documents-signing-key-<documentsSigningKeyId>. Required on the first deployment and whenever documentsSigningKeyId changes; empty keeps the secret already in the vault.')
param documentsSigningKey string = ''

@description('Id of the signing key, carried in every link it signs. To rotate: a new id with a new key, and the old id as previousDocumentsSigningKeyId until its links have expired (a day).')
@minLength(1)
@maxLength(32)
param documentsSigningKeyId string = 'k1'

@description('Id of the previous signing key, whose secret stays in Key Vault and still verifies links during a rotation; empty for none.')
@maxLength(32)
param previousDocumentsSigningKeyId string = ''

@description('Storage, Azure OpenAI and Key Vault reachable only from the bot\'s App Service: VNet integration with service endpoints and network rules that refuse every other network. Needs an App Service plan of Basic or above. false leaves them on public networks (still Entra ID only).')
param restrictNetworkAccess bool = true

@description('Tags on every resource.')
param tags object = {
  application: 'samskapelse-bot'
}

var identityName = 'id-${resourceBaseName}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module network 'modules/network.bicep' = if (restrictNetworkAccess) {
  name: 'network'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
  }
}

var appSubnetId = restrictNetworkAccess ? network!.outputs.appSubnetId : ''

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
    identityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
    principalId: identity.outputs.principalId
    appSubnetId: appSubnetId
    signingKeyId: documentsSigningKeyId
    signingKey: documentsSigningKey
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
    containerName: stateContainerName
    skuName: stateStorageSku
    identityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
    principalId: identity.outputs.principalId
    appSubnetId: appSubnetId
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    baseName: resourceBaseName
    location: openAiLocation
    tags: tags
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    identityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
    principalId: identity.outputs.principalId
    appSubnetId: appSubnetId
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
    sku: webAppSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
    blobServiceUri: storage.outputs.blobServiceUri
    blobContainerName: storage.outputs.containerName
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeployment: openAi.outputs.deploymentName
    appInsightsConnectionString: monitoring.outputs.connectionString
    signingKeyUri: keyVault.outputs.signingKeyUri
    signingKeyId: documentsSigningKeyId
    previousSigningKeyUri: empty(previousDocumentsSigningKeyId) ? '' : '${keyVault.outputs.vaultUri}secrets/documents-signing-key-${previousDocumentsSigningKeyId}'
    previousSigningKeyId: previousDocumentsSigningKeyId
    appSubnetId: appSubnetId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    baseName: resourceBaseName
    tags: tags
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    sku: botSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
  }
}

// Upper-case names: the Agents Toolkit's arm/deploy writes outputs into env/.env.<env> under these
// names, where manifest/ placeholders and the deploy step pick them up.
output BOT_ID string = identity.outputs.clientId
output BOT_TENANT_ID string = identity.outputs.tenantId
output BOT_DOMAIN string = app.outputs.hostName
output BOT_AZURE_NAME string = bot.outputs.name
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id
output AZURE_APP_SERVICE_NAME string = app.outputs.name
output STORAGE_BLOB_SERVICE_URI string = storage.outputs.blobServiceUri
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
