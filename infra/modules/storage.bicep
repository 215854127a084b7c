// The storage account: Functions host storage, the Flex deployment container, and the app's tables, queues and
// containers. Shared-key access is off, so every client (the host included) authenticates with Entra ID.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Tables the app uses.')
param tableNames string[]

@description('Queues the app uses; each gets its "-poison" queue too, where the Functions host moves failed messages.')
param queueNames string[]

@description('Blob containers the app uses, the Flex Consumption deployment container included.')
param containerNames string[]

var allQueueNames = flatten(map(queueNames, q => [q, '${q}-poison']))

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [for container in containerNames: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [for queue in allQueueNames: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

@description('Storage account name.')
output name string = storage.name

@description('Blob service URI, with a trailing slash.')
output blobServiceUri string = storage.properties.primaryEndpoints.blob

@description('Queue service URI, with a trailing slash.')
output queueServiceUri string = storage.properties.primaryEndpoints.queue

@description('Table service URI, with a trailing slash.')
output tableServiceUri string = storage.properties.primaryEndpoints.table

@description('Every queue created, poison queues included.')
output queueNames string[] = allQueueNames
