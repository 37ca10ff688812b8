@export()
func naming(kind string) string => 'contoso-${kind}'
