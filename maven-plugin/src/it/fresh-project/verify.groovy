def generated = new File(basedir, 'target/generated-sources/chainwire/com/example/hello/Hello.java')
assert generated.isFile() : "missing $generated"
assert generated.text.contains('package com.example.hello;')

assert new File(basedir, 'target/classes/com/example/hello/Hello.class').isFile()
assert new File(basedir, 'target/classes/com/example/hello/Hello$MessageSent.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/Greeter.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('chainwire: generated 1 class from src/main/abi (1 written, 0 unchanged, 0 deleted)')
