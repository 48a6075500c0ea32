def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0') : "the tests did not run and pass; see ${basedir}/build.log"
assert new File(basedir, 'target/classes/com/example/logs/HelloHandlerDispatcher.class').isFile()

// The test class path is the project's whole dependency tree (compile, runtime and test scopes).
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.logs.RawLogDecodingTest.xml').text
def classPath = (report =~ /name="surefire\.test\.class\.path" value="([^"]*)"/)[0][1].split(File.pathSeparator)
def jars = classPath.collect { new File(it).name }.findAll { it.endsWith('.jar') }
assert jars.any { it.startsWith('chainwire-abi-') } : "chainwire-abi is not on the test class path: $jars"
def unwanted = jars.findAll { it =~ /^(chainwire-runtime|jackson-|sqlite-jdbc|slf4j-)/ }
assert unwanted.isEmpty() : "a project on chainwire-abi alone got $unwanted"
true
