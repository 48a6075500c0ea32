def library = new File(basedir, 'target/generated-sources/chainwire/com/example/lib/Library.java')
assert library.isFile() : "missing $library"
assert new File(basedir, 'target/classes/com/example/lib/Library.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] chainwire: src/main/abi/Library.json: contract "Library" declares no events, so'
    + ' com.example.lib.Library has no event records and its decode rejects every log')
assert !log.contains('Hello.json: contract')
assert !log.contains('[WARNING]')
