@export()
func naming(kind string) string => 'contoso-${kind}'

@export()
var defaultTier = 'Standard'

@export()
var skuName = 'Base'
