def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : "the tests did not run and pass; see ${basedir}/build.log"
assert new File(basedir, 'target/classes/com/example/clash/contract/Hello.class').isFile()
assert new File(basedir, 'target/classes/com/example/clash/HelloHandlerDispatcher.class').isFile()

// What this build took chainwire-processor from: its published (dependency-reduced) pom lists
// chainwire-abi and no JavaPoet or Jackson; its jar holds both, relocated.
def versions = new File(localRepositoryPath, 'io/chainwire/chainwire-processor').listFiles().findAll { it.isDirectory() }
assert versions.size() == 1 : "chainwire-processor versions in the tests' repository: $versions"
def processor = versions[0]
def pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(processor.listFiles().find { it.name.endsWith('.pom') }).documentElement
def dependencies = pom.getElementsByTagName('dependency')
def text = { element, name -> element.getElementsByTagName(name).with { it.length == 0 ? '' : it.item(0).textContent.trim() } }
def runtimeDependencies = (0..<dependencies.length).collect { dependencies.item(it) }
    .findAll { it.parentNode.parentNode == pom && !(text(it, 'scope') in ['test', 'provided']) }
    .collect { text(it, 'groupId') + ':' + text(it, 'artifactId') }
assert runtimeDependencies == ['io.chainwire:chainwire-abi'] : "chainwire-processor's pom lists $runtimeDependencies"
def jar = processor.listFiles().find { it.name ==~ /chainwire-processor-[^-]+(-SNAPSHOT)?\.jar/ }
def entries = new java.util.zip.ZipFile(jar).withCloseable { zip ->
  zip.entries().collect { it.name }
}
assert entries.contains('io/chainwire/processor/shaded/com/palantir/javapoet/JavaFile.class')
assert entries.contains('io/chainwire/processor/shaded/com/fasterxml/jackson/core/JsonFactory.class')
def unrelocated = entries.findAll { it.startsWith('com/') || it.startsWith('META-INF/versions/') }
assert unrelocated.isEmpty() : "chainwire-processor's jar holds $unrelocated"
true
