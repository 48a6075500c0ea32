def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('chainwire: 2 problems in ABI input:')
// file:line:column: JSON location: reason
assert log =~ /src\/main\/abi\/BadType\.json:6:\d+: abi\[0\]\.inputs\[0\]\.type: .*uint7/
assert log =~ /src\/main\/abi\/nested\/Truncated\.json:\d+:\d+: .+: .+/
// Nothing is written when any ABI is bad.
assert !new File(basedir, 'target/generated-sources/chainwire').exists()
