def log = new File(basedir, 'build.log').text
assert log.contains('chainwire: the parameter packageName is missing: set <packageName> in the configuration of chainwire-maven-plugin')
