# An autoscale setting on a scale set the user owns is fine.
resource "azurerm_linux_virtual_machine_scale_set" "build" {
  name                = "vmss-build-agents"
  location            = "westeurope"
  resource_group_name = "rg-build"
  sku                 = "Standard_D4s_v5"
  instances           = 2
  admin_username      = "azureuser"

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 build@example"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  network_interface {
    name    = "nic"
    primary = true
    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-build/providers/Microsoft.Network/virtualNetworks/vnet-build/subnets/agents"
    }
  }
}

resource "azurerm_monitor_autoscale_setting" "build" {
  name                = "scale-build-agents"
  location            = "westeurope"
  resource_group_name = "rg-build"
  target_resource_id  = azurerm_linux_virtual_machine_scale_set.build.id

  profile {
    name = "default"
    capacity {
      default = 2
      minimum = 1
      maximum = 8
    }
  }
}
