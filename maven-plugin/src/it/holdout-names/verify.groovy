def out = new File(basedir, 'target/generated-sources/chainwire/com/example/holdout')
assert out.list().sort() == ['EventContract.java', 'FilterContract.java', 'MyToken.java', 'Object.java', 'Record.java', 'String.java']

def event = new File(out, 'EventContract.java').text
assert event.contains('public final class EventContract {')
assert event.contains('permits Object, Record, Event_, Filter_, Builder {')
assert event.contains('java.lang.Object[] elements')

assert new File(basedir, 'target/classes/com/example/holdout/EventContract$Object.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/Tickets.class').isFile()
