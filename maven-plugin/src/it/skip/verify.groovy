def log = new File(basedir, 'build.log').text
assert log.contains('chainwire: generation skipped (chainwire.skip)')
assert !new File(basedir, 'target/generated-sources/chainwire').exists()
assert !new File(basedir, 'target/chainwire').exists()
