// The consumer's tests must have run and passed: a build whose tests were skipped would prove nothing.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0/ : "no test ran in ${basedir.name}"
return true
