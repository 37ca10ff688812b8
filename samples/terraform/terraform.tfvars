resource_group_name = "rg-aks-prod-weu"
