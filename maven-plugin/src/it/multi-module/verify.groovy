def generated(module) {
  def out = new File(basedir, "$module/target/generated-sources/chainwire")
  def files = []
  out.eachFileRecurse(groovy.io.FileType.FILES) { files << out.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
  files.sort()
}

// Each module generates only from its own ABI directory.
assert generated('tokens') == ['com/example/tokens/Erc20.java']
assert generated('app') == ['com/example/app/contracts/Vault.java']

assert new File(basedir, 'tokens/target/classes/com/example/tokens/Erc20.class').isFile()
assert new File(basedir, 'app/target/classes/com/example/app/Ledger.class').isFile()
