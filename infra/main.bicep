// FeedbackCollector on Azure: a Flex Consumption Function App (.NET 10 isolated), its storage (identity-only),
// Application Insights over Log Analytics, optionally Azure AI Language, and the role assignments that connect them.
// Deploy into a resource group: see docs/deploy.md.

targetScope = 'resourceGroup'

@description('Short name of this environment (for example feedback-prod); part of every resource name.')
@minLength(1)
@maxLength(20)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Memory of each Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the Function App may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Deploy Azure AI Language and analyse with it (Analysis__Provider=azure); otherwise the local analyzer runs.')
param deployLanguage bool = false

@description('Language pricing tier when deployed: F0 (free) or S (standard).')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Tables the app uses. Add names here when the app gains a table.')
param tableNames string[] = [
  'surveys'
  'responses'
  'rolekeys'
  'concerns'
]

@description('Queue of responses to analyse (AnalysisQueueName).')
@maxLength(51) // room for '-jobs-poison' within Azure's 63 characters
param analysisQueueName string = 'analysis'

@description('Queue of concerns to alert on (AlertsQueueName).')
param alertsQueueName string = 'alerts'

@description('Further queues; each also gets its poison queue.')
param additionalQueueNames string[] = []

@description('Blob container of the quarterly digests (DigestContainer).')
param digestContainerName string = 'digests'

@description('Further blob containers.')
param additionalContainerNames string[] = []

@description('NCrontab schedule of the quarterly digest (DigestSchedule): 06:00 UTC on the first day of each quarter.')
param digestSchedule string = '0 0 6 1 1,4,7,10 *'

@description('Base of the public survey links (Survey__PublicBaseUrl); empty means the Function App\'s own address.')
param surveyPublicBaseUrl string = ''

@description('Object id of a person or group allowed to issue role keys from a workstation (Storage Table Data Contributor); empty for none.')
param operatorPrincipalId string = ''

@description('Kind of the operator principal.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Extra tags for every resource.')
param tags object = {}

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var env = toLower(environmentName)
var allTags = union(tags, { 'azd-env-name': environmentName })
var appName = 'func-${env}-${token}'
// The Flex Consumption plan deploys the app from a blob container of its own.
var deploymentContainerName = 'app-package-${take(token, 13)}'
// The console's re-analysis jobs run on the analysis queue's name + '-jobs' (ReanalyseResponses).
var queueNames = concat([analysisQueueName, '${analysisQueueName}-jobs', alertsQueueName], additionalQueueNames)
// The digest projection's append-blob logs live beside the digests (StorageNamesOptions.DigestProjectionContainer).
var containerNames = concat([digestContainerName, '${digestContainerName}-projection', deploymentContainerName], additionalContainerNames)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${env}-${token}'
    applicationInsightsName: 'appi-${env}-${token}'
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stfeedback${take(token, 13)}'
    location: location
    tags: allTags
    tableNames: tableNames
    queueNames: queueNames
    containerNames: containerNames
  }
}

module language 'modules/language.bicep' = if (deployLanguage) {
  name: 'language'
  params: {
    name: 'lang-${env}-${token}'
    location: location
    tags: allTags
    sku: languageSku
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: 'plan-${env}-${token}'
    appName: appName
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    surveyPublicBaseUrl: surveyPublicBaseUrl
    appSettings: {
      Storage__tableServiceUri: storage.outputs.tableServiceUri
      Storage__queueServiceUri: storage.outputs.queueServiceUri
      Storage__blobServiceUri: storage.outputs.blobServiceUri
      AnalysisQueueName: analysisQueueName
      AlertsQueueName: alertsQueueName
      DigestContainer: digestContainerName
      DigestSchedule: digestSchedule
      Analysis__Provider: deployLanguage ? 'azure' : 'local'
      AzureLanguage__Endpoint: deployLanguage ? language!.outputs.endpoint : ''
      // Behind the Functions front end every request arrives from the front end's own address: the survey page's
      // per-client rate limits need the caller's address, which the front end appends to X-Forwarded-For.
      Survey__TrustForwardedFor: 'true'
    }
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    languageAccountName: deployLanguage ? language!.outputs.name : ''
    appPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

@description('Function App name (for `func azure functionapp publish` or `az functionapp deployment`).')
output functionAppName string = functionApp.outputs.name

@description('The app\'s https address.')
output functionAppUrl string = functionApp.outputs.url

@description('Base of the public survey links.')
output surveyBaseUrl string = functionApp.outputs.surveyBaseUrl

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Table service URI: set Storage__tableServiceUri to this to issue role keys from a workstation.')
output tableServiceUri string = storage.outputs.tableServiceUri

@description('Language endpoint, empty when Language is not deployed.')
output languageEndpoint string = deployLanguage ? language!.outputs.endpoint : ''
