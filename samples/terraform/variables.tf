variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the cluster."
  default     = "rg-aks-prod"
}

variable "location" {
  type    = string
  default = "westeurope"
}
