// What `mvn verify` of the generated project cannot see: the layout, and files Maven tends to drop.
def project = new File(basedir, 'shop-orders')
def source = 'org/example/shop/orders/api'

assert new File(project, '.gitignore').isFile() : '.gitignore was not generated (see __gitignore__)'
assert !new File(project, '__gitignore__').exists()
// The Maven wrapper: a jar keeps no file modes, so archetype-post-generate.groovy restores the run bit.
assert new File(project, 'mvnw').canExecute() : 'mvnw is not executable'
assert new File(project, '.mvn/wrapper/maven-wrapper.properties').isFile() : '.mvn/wrapper/maven-wrapper.properties was not generated'
['Dockerfile', '.dockerignore', 'README.md', 'k8s/deployment.yaml', 'k8s/service.yaml'].each {
    assert new File(project, it).isFile() : "$it was not generated"
}
assert new File(project, "src/main/java/$source/App.java").isFile() : 'sources are not under the package'
assert new File(project, "src/test/java/$source/http/H2ApiTest.java").isFile() : 'tests are not under the package'

// No placeholder may survive: neither the archetype's own (${...}) nor the build's (@...@).
project.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (!file.path.contains('/target/')) {
        def text = file.text
        ['${package}', '${artifactId}', '${groupId}', '${version}', '$h2', '$h3'].each {
            assert !text.contains(it) : "$it left in $file"
        }
        assert !(text =~ /@[a-z][a-z.-]*\.version@/) : "unfiltered version in $file"
    }
}
assert new File(project, 'pom.xml').text.contains('<mainstay.version>' + mainstayVersion + '</mainstay.version>')
return true
