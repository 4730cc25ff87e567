metadata description = 'Azure Bot registration for the managed identity, with the Microsoft Teams channel.'

param baseName string
param tags object

@description('Name shown for the bot in Azure and in the Bot Framework channel pages.')
param displayName string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@allowed(['F0', 'S1'])
param sku string

param identityId string
param identityClientId string
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
