def out = new File(basedir, 'target/generated-sources/chainwire/com/example/contracts')
def generated = []
out.eachFileRecurse(groovy.io.FileType.FILES) { generated << out.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert generated.sort() == ['Registry.java', 'my_vaults/Vault.java', 'tokens/Erc20.java']

assert new File(out, 'tokens/Erc20.java').text.contains('package com.example.contracts.tokens;')
assert new File(out, 'my_vaults/Vault.java').text.contains('package com.example.contracts.my_vaults;')
assert new File(basedir, 'target/classes/com/example/app/Uses.class').isFile()
