@echo off
rem The interlock command line on Windows: runs adapters-cli\target\interlock.jar with the
rem arguments given, building it first with the Maven wrapper if it is missing.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%adapters-cli\target\interlock.jar"
if not exist "%JAR%" (
  echo interlock: %JAR% is missing; building it once with the Maven wrapper ^(a few minutes^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -q -DskipTests -pl adapters-cli -am package 1>&2
  popd
  if not exist "%JAR%" (
    echo interlock: the build failed; run mvnw.cmd -DskipTests -pl adapters-cli -am package to see why 1>&2
    exit /b 4
  )
)
java -XX:TieredStopAtLevel=1 %INTERLOCK_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
