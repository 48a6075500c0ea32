def generated = new File(basedir, 'target/generated-sources/chainwire/com/example/hello/Hello.java')
def compiled = new File(basedir, 'target/classes/com/example/hello/Hello.class')
def state = new File(basedir, 'target/chainwire/default.state')
assert generated.isFile() && compiled.isFile() && state.isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('chainwire: generated 1 class from src/main/abi (1 written, 0 unchanged, 0 deleted)')
assert log.contains('chainwire: 1 class up to date')

// The second build wrote nothing: the source and the state are no newer than the class compiled
// from them by the first build.
assert generated.lastModified() <= compiled.lastModified()
assert state.lastModified() <= compiled.lastModified()
