var a = b
var b = a

func countdown(n int) int => n == 0 ? 0 : countdown(n - 1)

resource first 'Microsoft.Network/publicIPAddresses@2023-04-01' = {
  name: 'first'
  properties: {
    peer: second.properties.peer
    loop: a
    deep: countdown(100000)
  }
}

resource second 'Microsoft.Network/publicIPAddresses@2023-04-01' = {
  name: 'second'
  properties: {
    peer: first.properties.peer
  }
}
