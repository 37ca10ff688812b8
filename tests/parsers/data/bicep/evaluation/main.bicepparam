using './main.bicep'

param prefix = 'prod'
param nodeCount = 3
param region = 'northeurope'
