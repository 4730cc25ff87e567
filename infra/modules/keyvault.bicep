metadata description = 'Key Vault holding the HMAC key of the bot\'s download links. Entra ID (RBAC) only; the bot identity reads secrets as Key Vault Secrets User, the App Service resolves them through Key Vault references.'

param baseName string
param location string
param tags object

@description('Resource id of the bot identity; a deploy-time constant, so role assignment names are known to What-If.')
param identityId string

@description('Principal id of the bot identity; gets Key Vault Secrets User on the vault.')
param principalId string

@description('The App Service integration subnet admitted through the vault firewall; empty leaves the vault reachable from any network (still Entra ID only).')
param appSubnetId string

@description('Id of the signing key (Documents:SigningKeys:0:Id), carried in every link it signs.')
param signingKeyId string

@secure()
@description('The signing key: at least 32 random bytes in base64 (`openssl rand -base64 32`). Empty keeps the secret already in the vault.')
param signingKey string

// Built-in role: Key Vault Secrets User (read secret contents).
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  // Globally unique, 3-24 letters, digits and hyphens, starting with a letter.
  name: 'kv${take(toLower(replace(baseName, '-', '')), 8)}${uniqueString(resourceGroup().id, baseName)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: empty(appSubnetId)
      ? { bypass: 'None', defaultAction: 'Allow' }
      : {
          // The App Service resolves Key Vault references through its virtual network integration.
          bypass: 'None'
          defaultAction: 'Deny'
          virtualNetworkRules: [{ id: appSubnetId, ignoreMissingVnetServiceEndpoint: false }]
        }
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(signingKey)) {
  parent: vault
  name: 'documents-signing-key-${signingKeyId}'
  properties: {
    value: signingKey
    contentType: 'base64, 32 random bytes or more'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

// Versionless: the App Service takes the newest version of the secret (within a day, or on restart).
output signingKeyUri string = '${vault.properties.vaultUri}secrets/documents-signing-key-${signingKeyId}'
output vaultUri string = vault.properties.vaultUri
