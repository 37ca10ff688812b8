using 'main.bicep'
extends 'shared.bicepparam'

param region = 'eastus'
