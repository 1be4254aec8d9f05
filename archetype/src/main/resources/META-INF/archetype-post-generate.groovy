// Runs once after `mvn archetype:generate` has written the project.
// A jar keeps no Unix file modes, so the Maven wrapper script arrives without its run bit;
// without this, `./mvnw` in a new project fails with "Permission denied".
def mvnw = new File(request.outputDirectory, request.artifactId + '/mvnw')
if (mvnw.isFile() && !mvnw.setExecutable(true, false)) {
    println "[WARNING] could not make ${mvnw} executable: run it as `sh mvnw`"
}
