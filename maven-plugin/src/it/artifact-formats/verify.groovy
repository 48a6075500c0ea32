def out = new File(basedir, 'target/generated-sources/chainwire/com/example/formats')
def generated = out.list().sort()
assert generated == ['FoundryCounter.java', 'HardhatToken.java', 'Pair.java', 'PairFactory.java', 'Plain.java', 'TruffleVault.java']
assert new File(basedir, 'target/classes/com/example/app/Uses.class').isFile()
