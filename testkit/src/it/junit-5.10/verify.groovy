def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : "the tests did not all run and pass; see ${basedir}/build.log"
