def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')

// Both bad files are reported by one failure, each as file:line:column: JSON location: reason.
assert log.contains('chainwire: 2 problems in ABI input:')
assert log =~ /src\/main\/abi\/BadType\.json:13:\d+: abi\[1\]\.inputs\[1\]\.type: unknown type "uint7"/
assert log =~ /src\/main\/abi\/nested\/Truncated\.json:6:1: \[0\]\.inputs: invalid JSON/

// Nothing is generated while any ABI is bad.
assert !new File(basedir, 'target/generated-sources/chainwire').exists()
