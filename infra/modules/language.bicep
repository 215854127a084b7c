// Azure AI Language, reachable only with Entra ID tokens (local auth off) at its custom subdomain.

@description('Language resource name; also its custom subdomain, so globally unique.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Pricing tier: F0 (free, 5,000 text records a month) or S (standard).')
@allowed([
  'F0'
  'S'
])
param sku string

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Language resource name.')
output name string = language.name

@description('Endpoint of the custom subdomain, with a trailing slash.')
output endpoint string = language.properties.endpoint
