metadata description = 'Linux App Service (.NET 10) hosting the bot at https://<host>/api/messages, running as the user-assigned identity. No secret is configured: MicrosoftAppPassword stays empty.'

param baseName string
param location string
param tags object

@description('App Service plan SKU, e.g. B1, S1, P0v3.')
param sku string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity (the bot app id).')
param identityClientId string

param tenantId string
param blobServiceUri string
param blobContainerName string
param openAiEndpoint string
param openAiDeployment string
param appInsightsConnectionString string

@secure()
@description('HMAC key of the download links for Word, Markdown and the map.')
param documentsSigningKey string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: sku }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-${baseName}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // state lives in Blob Storage, so any instance can take any turn
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: !startsWith(sku, 'F') && sku != 'D1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      // The platform pings this on every instance and takes one whose store does not answer out of rotation.
      healthCheckPath: '/health/ready'
      appSettings: [
        // Bot Framework authentication as a user-assigned managed identity (ConfigurationBotFrameworkAuthentication).
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identityClientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'MicrosoftAppPassword', value: '' }
        // Which identity DefaultAzureCredential/ManagedIdentityCredential uses for Blob and OpenAI.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'Storage__Provider', value: 'Blob' }
        { name: 'Storage__Blob__ServiceUri', value: blobServiceUri }
        { name: 'Storage__Blob__Container', value: blobContainerName }
        { name: 'Storage__Blob__ManagedIdentityClientId', value: identityClientId }
        { name: 'Assistant__Provider', value: 'AzureOpenAI' }
        { name: 'Assistant__AzureOpenAI__Endpoint', value: openAiEndpoint }
        { name: 'Assistant__AzureOpenAI__Deployment', value: openAiDeployment }
        { name: 'Assistant__AzureOpenAI__UseManagedIdentity', value: 'true' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        // Download links (Word, Markdown, the map image on cards) point here and are signed with this key.
        { name: 'Bot__PublicBaseUrl', value: 'https://app-${baseName}.azurewebsites.net' }
        { name: 'Documents__SigningKey', value: documentsSigningKey }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        // Zip deploy mounts the package read-only; nothing is built on the server.
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

// FTP publishing with basic credentials is never needed; deployments use Entra ID (az webapp deploy).
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

output id string = site.id
output hostName string = site.properties.defaultHostName
output name string = site.name
