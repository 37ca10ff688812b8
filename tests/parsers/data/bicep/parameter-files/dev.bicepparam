using 'main.bicep'
param tier = 'Free'
param region = 'eastus'
