def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : "the test did not run and pass; see ${basedir}/build.log"
assert new File(basedir, 'target/hello-chainwire-1.0-SNAPSHOT.jar').isFile()

// README.md shows this project file by file, as it is here (the pom with its versions filled in).
def readme = new File(readmePath).text
['pom.xml', 'package.json', 'src/main/abi/Hello.json', 'src/main/solidity/Hello.sol',
 'src/main/java/com/example/hello/HelloHandler.java',
 'src/test/java/com/example/hello/HelloHandlerTest.java'].each { name ->
  assert readme.contains(new File(basedir, name).text.trim()) :
      "README.md, Getting started, no longer shows $name as maven-plugin/src/it/getting-started has it"
}
true
