metadata description = 'Linux App Service (.NET 10) hosting the bot at https://<host>/api/messages, running as the user-assigned identity. No secret is configured in it: MicrosoftAppPassword stays empty, the link signing key is a Key Vault reference. HTTPS only, TLS 1.2, no FTP, no basic-auth publishing.'

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

@description('Key Vault secret (versionless URI) and id of the key that signs download links (Documents:SigningKeys:0).')
param signingKeyUri string
param signingKeyId string

@description('Key Vault secret and id of the previous signing key, which still verifies links during a rotation; empty when none.')
param previousSigningKeyUri string
param previousSigningKeyId string

@description('The subnet the app\'s outbound traffic goes through (VNet integration); empty for none.')
param appSubnetId string

var signingKeySettings = concat(
  [
    { name: 'Documents__SigningKeys__0__Id', value: signingKeyId }
    { name: 'Documents__SigningKeys__0__Key', value: '@Microsoft.KeyVault(SecretUri=${signingKeyUri})' }
  ],
  empty(previousSigningKeyId)
    ? []
    : [
        { name: 'Documents__SigningKeys__1__Id', value: previousSigningKeyId }
        { name: 'Documents__SigningKeys__1__Key', value: '@Microsoft.KeyVault(SecretUri=${previousSigningKeyUri})' }
      ]
)

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
    // Key Vault references are resolved as the bot identity (the site has no system-assigned one).
    keyVaultReferenceIdentity: identityId
    // Outbound traffic through the subnet, so Storage, Azure OpenAI and Key Vault can admit only this app.
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: !startsWith(sku, 'F') && sku != 'D1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      vnetRouteAllEnabled: !empty(appSubnetId)
      // The platform pings this on every instance and takes one whose store does not answer out of rotation.
      healthCheckPath: '/health/ready'
      appSettings: concat([
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
        // Download links (Word, Markdown, the map image on cards) point here; their keys come from Key Vault (signingKeySettings).
        { name: 'Bot__PublicBaseUrl', value: 'https://app-${baseName}.azurewebsites.net' }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        // Zip deploy mounts the package read-only; nothing is built on the server.
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ], signingKeySettings)
    }
  }
}

// Publishing with basic credentials (FTP, and SCM/Kudu: zip deploy, Web Deploy) is never needed;
// deployments authenticate with Entra ID (az webapp deploy, the Agents Toolkit's zip deploy).
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output id string = site.id
output hostName string = site.properties.defaultHostName
output name string = site.name
