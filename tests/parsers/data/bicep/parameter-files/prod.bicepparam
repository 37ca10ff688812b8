using 'main.bicep'
param tier = 'Standard'
param region = 'eastus'
