// Virtual networks, subnets, NSGs and their rules, route tables, and the association
// resources Terraform uses to attach them -> Microsoft.Network.
#include "terraform/AzurermTypes.h"

namespace akslint::terraform {

namespace {

using enum BlockShape;
using enum Transform;

constexpr FieldMapping kRulePropertyFields[] = {
    {"priority", "priority"},
    {"direction", "direction"},
    {"access", "access"},
    {"protocol", "protocol"},
    {"source_port_range", "sourcePortRange"},
    {"source_port_ranges", "sourcePortRanges"},
    {"destination_port_range", "destinationPortRange"},
    {"destination_port_ranges", "destinationPortRanges"},
    {"source_address_prefix", "sourceAddressPrefix"},
    {"source_address_prefixes", "sourceAddressPrefixes"},
    {"destination_address_prefix", "destinationAddressPrefix"},
    {"destination_address_prefixes", "destinationAddressPrefixes"},
    {"source_application_security_group_ids", "sourceApplicationSecurityGroups"},
    {"destination_application_security_group_ids", "destinationApplicationSecurityGroups"},
    {"description", "description"},
};
constexpr BlockMapping kRuleProperties{kRulePropertyFields};

// An inline security_rule block: an element of properties.securityRules.
constexpr FieldMapping kInlineRuleFields[] = {
    {"name", "name"},
    {"", "properties", Object, &kRuleProperties},
};
constexpr BlockMapping kInlineRule{kInlineRuleFields};

constexpr FieldMapping kNsgFields[] = {
    {"", "", Object, &kTracked},
    {"security_rule", "properties.securityRules", AppendToArray, &kInlineRule},
};
constexpr BlockMapping kNsg{kNsgFields};

constexpr FieldMapping kRuleFields[] = {
    {"name", "@name"},
    {"resource_group_name", "@resourceGroup"},
    {"network_security_group_name", "@parent"},
    {"", "properties", Object, &kRuleProperties},
};
constexpr BlockMapping kRule{kRuleFields};

constexpr FieldMapping kServiceDelegationFields[] = {
    {"name", "serviceName"},
    {"actions", "actions"},
};
constexpr BlockMapping kServiceDelegation{kServiceDelegationFields};
constexpr FieldMapping kDelegationFields[] = {
    {"name", "name"},
    {"service_delegation", "properties", Object, &kServiceDelegation},
};
constexpr BlockMapping kDelegation{kDelegationFields};

constexpr FieldMapping kSubnetPropertyFields[] = {
    {"address_prefix", "addressPrefix"},  // 2.x
    {"address_prefixes", "addressPrefixes"},
    {"service_endpoints", "serviceEndpoints"},
    {"delegation", "delegations", AppendToArray, &kDelegation},
    {"private_endpoint_network_policies", "privateEndpointNetworkPolicies"},  // 4.x
    {"private_endpoint_network_policies_enabled", "privateEndpointNetworkPolicies", Attribute, nullptr,
     EnabledDisabled},  // 3.x
    {"private_link_service_network_policies_enabled", "privateLinkServiceNetworkPolicies", Attribute, nullptr,
     EnabledDisabled},
    {"default_outbound_access_enabled", "defaultOutboundAccess"},
    {"security_group", "networkSecurityGroup.id"},  // inline subnets of a virtual network
    {"route_table_id", "routeTable.id"},
};
constexpr BlockMapping kSubnetProperties{kSubnetPropertyFields};

constexpr FieldMapping kSubnetFields[] = {
    {"name", "@name"},
    {"resource_group_name", "@resourceGroup"},
    {"virtual_network_name", "@parent"},
    {"", "properties", Object, &kSubnetProperties},
};
constexpr BlockMapping kSubnet{kSubnetFields};

// An inline subnet block of azurerm_virtual_network.
constexpr FieldMapping kInlineSubnetFields[] = {
    {"name", "name"},
    {"id", "id"},
    {"", "properties", Object, &kSubnetProperties},
};
constexpr BlockMapping kInlineSubnet{kInlineSubnetFields};

constexpr FieldMapping kDdosFields[] = {
    {"id", "ddosProtectionPlan.id"},
    {"enable", "enableDdosProtection"},
};
constexpr BlockMapping kDdos{kDdosFields};

constexpr FieldMapping kVnetFields[] = {
    {"", "", Object, &kTracked},
    {"address_space", "properties.addressSpace.addressPrefixes"},
    {"dns_servers", "properties.dhcpOptions.dnsServers"},
    {"flow_timeout_in_minutes", "properties.flowTimeoutInMinutes"},
    {"subnet", "properties.subnets", AppendToArray, &kInlineSubnet},
    {"ddos_protection_plan", "properties", Object, &kDdos},
};
constexpr BlockMapping kVnet{kVnetFields};

constexpr FieldMapping kRoutePropertyFields[] = {
    {"address_prefix", "addressPrefix"},
    {"next_hop_type", "nextHopType"},
    {"next_hop_in_ip_address", "nextHopIpAddress"},
};
constexpr BlockMapping kRouteProperties{kRoutePropertyFields};
constexpr FieldMapping kInlineRouteFields[] = {
    {"name", "name"},
    {"", "properties", Object, &kRouteProperties},
};
constexpr BlockMapping kInlineRoute{kInlineRouteFields};

constexpr FieldMapping kRouteTableFields[] = {
    {"", "", Object, &kTracked},
    {"route", "properties.routes", AppendToArray, &kInlineRoute},
    {"disable_bgp_route_propagation", "properties.disableBgpRoutePropagation"},  // 3.x
    {"bgp_route_propagation_enabled", "properties.disableBgpRoutePropagation", Attribute, nullptr, Negate},  // 4.x
};
constexpr BlockMapping kRouteTable{kRouteTableFields};

constexpr FieldMapping kRouteFields[] = {
    {"name", "@name"},
    {"resource_group_name", "@resourceGroup"},
    {"route_table_name", "@parent"},
    {"", "properties", Object, &kRouteProperties},
};
constexpr BlockMapping kRoute{kRouteFields};

// The association resources have no ARM counterpart: in ARM the subnet itself names its NSG
// and route table. They keep both ids, so the graph can draw the association edge.
constexpr FieldMapping kNsgAssociationFields[] = {
    {"subnet_id", "properties.subnet.id"},
    {"network_security_group_id", "properties.networkSecurityGroup.id"},
};
constexpr BlockMapping kNsgAssociation{kNsgAssociationFields};

constexpr FieldMapping kRouteTableAssociationFields[] = {
    {"subnet_id", "properties.subnet.id"},
    {"route_table_id", "properties.routeTable.id"},
};
constexpr BlockMapping kRouteTableAssociation{kRouteTableAssociationFields};

constexpr TypeMapping kTypes[] = {
    {"azurerm_virtual_network", "Microsoft.Network/virtualNetworks", &kVnet},
    {"azurerm_subnet", "Microsoft.Network/virtualNetworks/subnets", &kSubnet},
    {"azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups", &kNsg},
    {"azurerm_network_security_rule", "Microsoft.Network/networkSecurityGroups/securityRules", &kRule},
    {"azurerm_route_table", "Microsoft.Network/routeTables", &kRouteTable},
    {"azurerm_route", "Microsoft.Network/routeTables/routes", &kRoute},
    {"azurerm_subnet_network_security_group_association", "Microsoft.Network/subnetNetworkSecurityGroupAssociations",
     &kNsgAssociation},
    {"azurerm_subnet_route_table_association", "Microsoft.Network/subnetRouteTableAssociations",
     &kRouteTableAssociation},
};

}  // namespace

std::span<const TypeMapping> network_types() { return kTypes; }

}  // namespace akslint::terraform
