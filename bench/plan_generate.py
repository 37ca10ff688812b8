#!/usr/bin/env python3
"""Writes a synthetic `terraform show -json` plan of about the requested size.

The estate is made of module instances, each with an AKS cluster, node pools, a resource
group (resources the canonical model maps) and many storage accounts, subnets, role
assignments and network rules (resources it skips), with resource_changes, prior_state and
configuration sections shaped as Terraform writes them. Nothing here is committed data:
write it into a temporary directory.

    bench/plan_generate.py --size-mb 300 --layout one-line /tmp/plans/big.json
"""
import argparse
import json
import sys

SUB = "00000000-0000-0000-0000-000000000001"


def cluster(i):
    return {
        "name": f"aks-{i}", "location": "westeurope", "resource_group_name": f"rg-{i}",
        "dns_prefix": f"aks{i}", "node_resource_group": f"mc-aks-{i}", "sku_tier": "Standard",
        "kubernetes_version": "1.30.3", "tags": {"env": "prod", "team": f"team-{i % 17}"},
        "default_node_pool": [{
            "name": "system", "node_count": 3, "vm_size": "Standard_D4s_v5", "max_pods": 110,
            "zones": ["1", "2", "3"], "only_critical_addons_enabled": True,
            "vnet_subnet_id": f"/subscriptions/{SUB}/resourceGroups/rg-{i}/providers/"
                              f"Microsoft.Network/virtualNetworks/vnet-{i}/subnets/nodes",
        }],
        "network_profile": [{"network_plugin": "azure", "network_policy": "calico",
                             "load_balancer_sku": "standard", "outbound_type": "loadBalancer"}],
    }


def pool(i, p):
    return {"name": f"user{p}", "mode": "User", "node_count": p, "vm_size": "Standard_D8s_v5",
            "max_pods": 50, "zones": ["1", "2"], "node_labels": {"workload": f"w{p}"},
            "kubernetes_cluster_id": f"/subscriptions/{SUB}/resourceGroups/rg-{i}/providers/"
                                     f"Microsoft.ContainerService/managedClusters/aks-{i}"}


def filler(i, k):
    """Resources the model does not map: most of a real estate's plan."""
    kind = k % 3
    if kind == 0:
        return "azurerm_storage_account", {
            "name": f"st{i}x{k}", "resource_group_name": f"rg-{i}", "location": "westeurope",
            "account_tier": "Standard", "account_replication_type": "ZRS", "min_tls_version": "TLS1_2",
            "network_rules": [{"default_action": "Deny", "ip_rules": [f"10.{k % 250}.0.0/16"] * 4,
                               "bypass": ["AzureServices"]}],
            "blob_properties": [{"versioning_enabled": True, "delete_retention_policy": [{"days": 30}]}],
            "tags": {"env": "prod", "cost-center": f"cc-{k}", "owner": "platform@example.com"}}
    if kind == 1:
        return "azurerm_role_assignment", {
            "principal_id": f"{k:08d}-0000-0000-0000-000000000000", "role_definition_name": "Reader",
            "scope": f"/subscriptions/{SUB}/resourceGroups/rg-{i}", "skip_service_principal_aad_check": False}
    return "azurerm_private_dns_a_record", {
        "name": f"rec{k}", "zone_name": "privatelink.westeurope.azmk8s.io", "resource_group_name": f"rg-{i}",
        "ttl": 300, "records": [f"10.1.{k % 250}.{j}" for j in range(6)]}


def instance(module, rtype, name, values, index=None):
    address = f"{module}.{rtype}.{name}" + (f"[{index}]" if index is not None else "")
    r = {"address": address, "mode": "managed", "type": rtype, "name": name,
         "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 1,
         "values": values, "sensitive_values": {}}
    if index is not None:
        r["index"] = index
    return r


def module_instance(i, fillers):
    m = f'module.estate["{i}"]'
    resources = [instance(m, "azurerm_resource_group", "rg", {"name": f"rg-{i}", "location": "westeurope", "tags": {}}),
                 instance(m, "azurerm_kubernetes_cluster", "aks", cluster(i))]
    resources += [instance(m, "azurerm_kubernetes_cluster_node_pool", "user", pool(i, p), p) for p in range(3)]
    for k in range(fillers):
        rtype, values = filler(i, k)
        resources.append(instance(m, rtype, "x", values, k))
    return {"address": m, "resources": resources}


def change(r):
    """An estate already deployed: most resources unchanged, the clusters updated."""
    update = r["type"] == "azurerm_kubernetes_cluster"
    after_unknown = {"kube_config": True, "default_node_pool": [{"orchestrator_version": True}]} if update else {}
    return {"address": r["address"], "module_address": r["address"].split(".azurerm_")[0], "mode": "managed",
            "type": r["type"], "name": r["name"], "provider_name": r["provider_name"],
            "change": {"actions": ["update"] if update else ["no-op"], "before": r["values"], "after": r["values"],
                       "after_unknown": after_unknown, "before_sensitive": {}, "after_sensitive": {}}}


def configuration():
    def res(rtype, exprs):
        return {"address": f"{rtype}.{'x' if rtype.endswith(('account', 'assignment', 'record')) else 'aks'}",
                "mode": "managed", "type": rtype, "name": "aks", "provider_config_key": "azurerm",
                "expressions": exprs, "schema_version": 1}
    module = {"resources": [
        res("azurerm_kubernetes_cluster", {"resource_group_name": {"references": ["azurerm_resource_group.rg.name",
                                                                                  "azurerm_resource_group.rg"]}}),
        res("azurerm_storage_account", {"resource_group_name": {"references": ["var.rg"]}})]}
    return {"provider_config": {"azurerm": {"name": "azurerm", "expressions": {
                "subscription_id": {"constant_value": SUB}}}},
            "root_module": {"module_calls": {"estate": {"source": "./modules/estate", "module": module}}}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output")
    ap.add_argument("--size-mb", type=float, default=100)
    ap.add_argument("--layout", choices=["one-line", "pretty"], default="one-line")
    ap.add_argument("--fillers", type=int, default=60, help="unmapped resources per module instance")
    args = ap.parse_args()

    sample = json.dumps(module_instance(0, args.fillers))
    # Each instance appears in planned_values, resource_changes (before, after) and prior_state.
    per_instance = 4 * len(sample) * (1.6 if args.layout == "pretty" else 1.0)
    count = max(1, int(args.size_mb * 1e6 / per_instance))
    modules = [module_instance(i, args.fillers) for i in range(count)]
    plan = {
        "format_version": "1.2", "terraform_version": "1.9.5", "variables": {},
        "planned_values": {"root_module": {"child_modules": modules}},
        "resource_changes": [change(r) for m in modules for r in m["resources"]],
        "prior_state": {"format_version": "1.0", "values": {"root_module": {"child_modules": modules}}},
        "configuration": configuration(),
    }
    with open(args.output, "w", encoding="utf-8") as out:
        if args.layout == "pretty":
            json.dump(plan, out, indent=2)
        else:
            json.dump(plan, out, separators=(",", ":"))
        out.write("\n")
    print(f"{args.output}: {count} module instances", file=sys.stderr)


if __name__ == "__main__":
    main()
