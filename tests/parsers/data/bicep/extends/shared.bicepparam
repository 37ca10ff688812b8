using none

param sku = 'Standard'
param region = 'westus'
