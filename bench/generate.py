#!/usr/bin/env python3
"""Writes a synthetic AKS estate whose size grows linearly with the scale factor.

Per scale step: Terraform roots (a cluster, node pools, a virtual network with subnets, an NSG
with rules, and a local module), ARM templates with copy loops and their parameter files,
Bicep files with loops, and a plan JSON of one module instance (written by plan_generate.py).
Nothing here is committed data: write it into a temporary directory.

    bench/generate.py --scale 4 /tmp/estate-4
"""
import argparse
import os
import subprocess
import sys

ROOTS_PER_SCALE = 12
ARM_PER_SCALE = 12
BICEP_PER_SCALE = 12
PLANS_PER_SCALE = 1
PLAN_FILLERS = 20  # unmapped resources per plan


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def terraform_root(i):
    pools = "".join(f'''
resource "azurerm_kubernetes_cluster_node_pool" "user{p}" {{
  name                  = "user{p}"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = var.pool_vm_size
  mode                  = "User"
  node_count            = {p + 1}
  min_count             = {p}
  max_count             = {p + 4}
  auto_scaling_enabled  = true
  zones                 = ["1", "2", "3"]
  vnet_subnet_id        = module.network.subnet_ids["nodes"]
  node_labels = {{
    workload = "w{p}"
  }}
}}
''' for p in range(3))
    rules = "".join(f'''
resource "azurerm_network_security_rule" "r{r}" {{
  name                        = "rule-{r}"
  priority                    = {100 + r * 10}
  direction                   = "Inbound"
  access                      = "{'Allow' if r % 2 else 'Deny'}"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "{[22, 443, 3389, 8080][r % 4]}"
  source_address_prefix       = "{['*', '10.0.0.0/8', 'Internet', 'VirtualNetwork'][r % 4]}"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.rg.name
  network_security_group_name = azurerm_network_security_group.nsg.name
}}
''' for r in range(4))
    main = f'''locals {{
  prefix = "env{i}"
  tags = {{
    env  = "prod"
    team = "team-{i % 7}"
  }}
}}

resource "azurerm_resource_group" "rg" {{
  name     = "${{local.prefix}}-rg"
  location = var.location
  tags     = local.tags
}}

module "network" {{
  source              = "./modules/network"
  name                = "${{local.prefix}}-vnet"
  location            = var.location
  resource_group_name = azurerm_resource_group.rg.name
  address_space       = ["10.{i % 250}.0.0/16"]
}}

resource "azurerm_kubernetes_cluster" "aks" {{
  name                      = "${{local.prefix}}-aks"
  location                  = azurerm_resource_group.rg.location
  resource_group_name       = azurerm_resource_group.rg.name
  dns_prefix                = local.prefix
  kubernetes_version        = "1.30.3"
  sku_tier                  = "{'Free' if i % 3 == 0 else 'Standard'}"
  private_cluster_enabled   = {'true' if i % 2 else 'false'}
  local_account_disabled    = true
  azure_policy_enabled      = true
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  tags                      = local.tags

  default_node_pool {{
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    zones                        = ["1", "2", "3"]
    only_critical_addons_enabled = true
    vnet_subnet_id               = module.network.subnet_ids["nodes"]
  }}

  identity {{
    type = "SystemAssigned"
  }}

  network_profile {{
    network_plugin    = "azure"
    network_policy    = "calico"
    load_balancer_sku = "standard"
    outbound_type     = "loadBalancer"
  }}

  api_server_access_profile {{
    authorized_ip_ranges = ["203.0.113.0/24"]
  }}
}}
{pools}
resource "azurerm_network_security_group" "nsg" {{
  name                = "${{local.prefix}}-nsg"
  location            = var.location
  resource_group_name = azurerm_resource_group.rg.name
}}
{rules}'''
    variables = '''variable "location" {
  type    = string
  default = "westeurope"
}

variable "pool_vm_size" {
  type    = string
  default = "Standard_D8s_v5"
}
'''
    network = '''variable "name" { type = string }
variable "location" { type = string }
variable "resource_group_name" { type = string }
variable "address_space" { type = list(string) }

locals {
  subnets = {
    nodes    = cidrsubnet(var.address_space[0], 4, 0)
    pods     = cidrsubnet(var.address_space[0], 4, 1)
    ingress  = cidrsubnet(var.address_space[0], 8, 32)
  }
}

resource "azurerm_virtual_network" "vnet" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = var.address_space
}

resource "azurerm_subnet" "subnet" {
  for_each             = local.subnets
  name                 = each.key
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = [each.value]
}

output "subnet_ids" {
  value = { for k, s in azurerm_subnet.subnet : k => s.id }
}
'''
    return {"main.tf": main, "variables.tf": variables, "terraform.tfvars": f'location = "region{i % 5}"\n',
            "modules/network/main.tf": network}


def arm_template(i):
    return f'''{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {{
    "clusterName": {{ "type": "string", "defaultValue": "arm-aks-{i}" }},
    "poolCount": {{ "type": "int", "defaultValue": 4 }},
    "location": {{ "type": "string", "defaultValue": "[resourceGroup().location]" }}
  }},
  "variables": {{
    "subnetNames": ["nodes", "pods", "ingress", "private-endpoints"],
    "vnetName": "[concat(parameters('clusterName'), '-vnet')]"
  }},
  "resources": [
    {{
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-09-01",
      "name": "[variables('vnetName')]",
      "location": "[parameters('location')]",
      "properties": {{
        "addressSpace": {{ "addressPrefixes": ["10.{i % 250}.0.0/16"] }},
        "copy": [
          {{
            "name": "subnets",
            "count": "[length(variables('subnetNames'))]",
            "input": {{
              "name": "[variables('subnetNames')[copyIndex('subnets')]]",
              "properties": {{ "addressPrefix": "[concat('10.{i % 250}.', copyIndex('subnets'), '.0/24')]" }}
            }}
          }}
        ]
      }}
    }},
    {{
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-09-01",
      "name": "[concat(parameters('clusterName'), '-nsg')]",
      "location": "[parameters('location')]",
      "properties": {{
        "securityRules": [
          {{
            "name": "ssh",
            "properties": {{
              "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
              "sourcePortRange": "*", "destinationPortRange": "22",
              "sourceAddressPrefix": "*", "destinationAddressPrefix": "*"
            }}
          }}
        ]
      }}
    }},
    {{
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "[parameters('clusterName')]",
      "location": "[parameters('location')]",
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]"],
      "sku": {{ "name": "Base", "tier": "{'Free' if i % 2 else 'Standard'}" }},
      "identity": {{ "type": "SystemAssigned" }},
      "properties": {{
        "kubernetesVersion": "1.30.3",
        "dnsPrefix": "[parameters('clusterName')]",
        "enableRBAC": true,
        "disableLocalAccounts": {'true' if i % 3 else 'false'},
        "apiServerAccessProfile": {{ "enablePrivateCluster": true }},
        "networkProfile": {{ "networkPlugin": "azure", "networkPolicy": "azure", "outboundType": "loadBalancer" }},
        "agentPoolProfiles": [
          {{
            "name": "system", "mode": "System", "count": 3, "vmSize": "Standard_D4s_v5",
            "availabilityZones": ["1", "2", "3"],
            "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('vnetName'), 'nodes')]"
          }}
        ]
      }}
    }},
    {{
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "[concat(parameters('clusterName'), '/user', copyIndex())]",
      "copy": {{ "name": "pools", "count": "[parameters('poolCount')]" }},
      "dependsOn": ["[resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))]"],
      "properties": {{
        "mode": "User", "count": "[add(copyIndex(), 1)]", "vmSize": "Standard_D8s_v5",
        "enableAutoScaling": true, "minCount": 1, "maxCount": 5, "availabilityZones": ["1", "2"]
      }}
    }}
  ]
}}
'''


def arm_parameters(i):
    return f'''{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {{ "poolCount": {{ "value": {2 + i % 3} }} }}
}}
'''


def bicep(i):
    return f'''param location string = resourceGroup().location
param clusterName string = 'bicep-aks-{i}'
param pools array = [
  {{ name: 'user0', count: 1 }}
  {{ name: 'user1', count: 2 }}
  {{ name: 'user2', count: 3 }}
]
var subnetNames = ['nodes', 'pods', 'ingress']

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {{
  name: '${{clusterName}}-vnet'
  location: location
  properties: {{
    addressSpace: {{ addressPrefixes: ['10.{i % 250}.0.0/16'] }}
    subnets: [for (s, n) in subnetNames: {{
      name: s
      properties: {{ addressPrefix: '10.{i % 250}.${{n}}.0/24' }}
    }}]
  }}
}}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {{
  name: '${{clusterName}}-nsg'
  location: location
  properties: {{
    securityRules: [for (port, n) in [22, 443, 3389]: {{
      name: 'allow-${{port}}'
      properties: {{
        priority: 100 + n
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourcePortRange: '*'
        destinationPortRange: string(port)
        sourceAddressPrefix: '*'
        destinationAddressPrefix: '*'
      }}
    }}]
  }}
}}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {{
  name: clusterName
  location: location
  sku: {{ name: 'Base', tier: '{'Free' if i % 2 else 'Standard'}' }}
  identity: {{ type: 'SystemAssigned' }}
  properties: {{
    kubernetesVersion: '1.30.3'
    dnsPrefix: clusterName
    enableRBAC: true
    disableLocalAccounts: {'true' if i % 3 else 'false'}
    networkProfile: {{ networkPlugin: 'azure', networkPolicy: 'cilium', outboundType: 'loadBalancer' }}
    agentPoolProfiles: [
      {{
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
        availabilityZones: ['1', '2', '3']
        vnetSubnetID: vnet.properties.subnets[0].id
      }}
    ]
  }}
}}

resource userPools 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = [for p in pools: {{
  parent: aks
  name: p.name
  properties: {{
    mode: 'User'
    count: p.count
    vmSize: 'Standard_D8s_v5'
    enableAutoScaling: true
    minCount: 1
    maxCount: 5
  }}
}}]
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output")
    ap.add_argument("--scale", type=int, default=1)
    args = ap.parse_args()
    for i in range(ROOTS_PER_SCALE * args.scale):
        for name, text in terraform_root(i).items():
            write(os.path.join(args.output, "terraform", f"env{i}", name), text)
    for i in range(ARM_PER_SCALE * args.scale):
        write(os.path.join(args.output, "arm", f"cluster{i}", "azuredeploy.json"), arm_template(i))
        write(os.path.join(args.output, "arm", f"cluster{i}", "azuredeploy.parameters.json"), arm_parameters(i))
    for i in range(BICEP_PER_SCALE * args.scale):
        write(os.path.join(args.output, "bicep", f"cluster{i}.bicep"), bicep(i))
    plan_generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plan_generate.py")
    for i in range(PLANS_PER_SCALE * args.scale):
        plan_dir = os.path.join(args.output, "plan", f"stack{i}")
        os.makedirs(plan_dir, exist_ok=True)
        # The smallest plan the generator writes: one module instance.
        subprocess.run([sys.executable, plan_generator, "--size-mb", "0", "--fillers", str(PLAN_FILLERS),
                        "--layout", "pretty", os.path.join(plan_dir, "tfplan.json")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
