# Calls back into the module that calls it: followed once, then reported.
module "back" {
  source = "../net"
  prefix = "loop"
}
