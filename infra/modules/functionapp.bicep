// The Function App on the Flex Consumption plan (.NET 10 isolated worker) with a system-assigned identity, and its
// app settings. Storage connections are identity-based: the app holds no keys.

@description('Flex Consumption plan name.')
param planName string

@description('Function App name.')
param appName string

@description('Azure region.')
param location string

@description('Tags for every resource; the app also gets the azd service tag.')
param tags object

@description('Storage account the host and the app use.')
param storageAccountName string

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('App settings the app reads (names as the app binds them), added to the host settings set here.')
param appSettings object

@description('Survey__PublicBaseUrl; empty means the app\'s own https address.')
param surveyPublicBaseUrl string

@description('azd service name, so that `azd deploy` finds this app.')
param azdServiceName string = 'functions'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var publicBaseUrl = empty(surveyPublicBaseUrl) ? 'https://${app.properties.defaultHostName}' : surveyPublicBaseUrl

// A separate config resource so that settings can use the app's own host name. It replaces every app setting, so
// all of them are here. Flex Consumption sets the runtime itself: no FUNCTIONS_WORKER_RUNTIME or
// FUNCTIONS_EXTENSION_VERSION.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, {
    AzureWebJobsStorage__accountName: storage.name
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    Survey__PublicBaseUrl: publicBaseUrl
  })
}

@description('Function App name.')
output name string = app.name

@description('The app\'s https address.')
output url string = 'https://${app.properties.defaultHostName}'

@description('Base of the public survey links.')
output surveyBaseUrl string = publicBaseUrl

@description('Object id of the app\'s system-assigned identity.')
output principalId string = app.identity.principalId
