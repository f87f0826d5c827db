# Sourced by the bench scripts (from the repository's root): JAR = the packaged target/ratelink-*.jar, built
# first when it is missing or older than what goes into it (src/main, pom.xml): no figure of stale code.
JAR=$(ls target/ratelink-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -type f | head -1)" ]; then
  echo "== building the jar" >&2
  ./mvnw -B -o -q -DskipTests package
  JAR=$(ls target/ratelink-*.jar | grep -v original | head -1)
fi
