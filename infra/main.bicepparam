// Parameters for main.bicep. Values come from the environment where set (azd sets AZURE_ENV_NAME, AZURE_LOCATION and
// AZURE_PRINCIPAL_ID), so the same file serves `az deployment group create` and `azd up`.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'feedback')
param location = readEnvironmentVariable('AZURE_LOCATION', 'uksouth')
param instanceMemoryMB = 2048
param maximumInstanceCount = int(readEnvironmentVariable('FEEDBACK_MAX_INSTANCES', '40'))
param deployLanguage = bool(readEnvironmentVariable('FEEDBACK_DEPLOY_LANGUAGE', 'false'))
param languageSku = 'S'
param surveyPublicBaseUrl = readEnvironmentVariable('FEEDBACK_SURVEY_BASE_URL', '')
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = 'User'
