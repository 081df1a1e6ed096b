#!/usr/bin/env bash
# spark-submit.sh: submits the cr-anisotropy application jar to any Spark master.
#
#   submit/spark-submit.sh [spark-submit options...] -- <cra subcommand and its options>
#   submit/spark-submit.sh --master spark://127.0.0.1:7077 --properties-file conf/spark-standalone.conf \
#       -- simulate --events E --exposure X --out DIR --samples 1000 --master ''
#
# Which spark-submit runs:
#   * $SPARK_HOME/bin/spark-submit when SPARK_HOME is set and has it (a Spark 4.2 / Scala 2.13
#     distribution: needed for yarn and k8s, whose client classes the project's own jars lack);
#   * otherwise org.apache.spark.deploy.SparkSubmit in a JVM started here, with class path
#     $SPARK_HOME/jars/* (when SPARK_HOME has only a jars/ directory) or the project's own Spark jars
#     (target/provided-classpath.txt). Enough for local[N] and spark://host:port masters.
# The application jar is target/cr-anisotropy.jar, built by submit/build-jar when it is missing, older
# than the sources or of another source revision, or $CRA_APP_JAR when set (then nothing is built).
# The Java 17 flags of conf/spark-jvm.args go to spark.driver.extraJavaOptions and
# spark.executor.extraJavaOptions (merged with any value from --conf or the --properties-file) and, in
# the JVM started here, to the driver itself. Driver heap there: --driver-memory / spark.driver.memory
# (default 2g). Extra driver JVM options: --driver-java-options or $CRA_DRIVER_JAVA_OPTS.
# The driver logs warnings and errors only (conf/log4j2-quiet.properties), like submit/cra; CRA_SPARK_LOGS=1
# keeps Spark's default INFO logging.
# The cra subcommands with a --master option (simulate, exposure, generate, limits) get --master ''
# appended when it is not given, so that they keep the master spark-submit sets.
# The command run is printed to stderr.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

submit_opts=()
cra_args=()
seen_sep=false
for a in "$@"; do
  if ! $seen_sep && [ "$a" = "--" ]; then seen_sep=true; continue; fi
  if $seen_sep; then cra_args+=("$a"); else submit_opts+=("$a"); fi
done
if ! $seen_sep || [ ${#cra_args[@]} -eq 0 ]; then
  echo "spark-submit.sh: missing '-- <cra subcommand ...>'" >&2
  usage
fi

# --- options that matter here: properties file, driver memory/options/class path, the two extraJavaOptions
props_file=""
driver_memory=""
driver_java_opts="${CRA_DRIVER_JAVA_OPTS:-}"
if [ -z "${CRA_SPARK_LOGS:-}" ]; then
  driver_java_opts="-Dlog4j2.configurationFile=$here/conf/log4j2-quiet.properties $driver_java_opts"
fi
driver_class_path=""
user_driver_xjo=""
user_executor_xjo=""
prop_value() { # prop_value FILE KEY: the value of KEY in a spark-defaults / Java properties file
  [ -f "$1" ] || return 0
  sed -n -E "s/^[[:space:]]*$(printf '%s' "$2" | sed 's/\./\\./g')[[:space:]]*[=:[:space:]][[:space:]]*(.*)$/\1/p" "$1" \
    | tail -n 1 | sed -E 's/[[:space:]]+$//'
}
for ((i = 0; i < ${#submit_opts[@]}; i++)); do
  case "${submit_opts[$i]}" in
    --properties-file) props_file="${submit_opts[$((i + 1))]:-}" ;;
    --properties-file=*) props_file="${submit_opts[$i]#*=}" ;;
    --driver-memory) driver_memory="${submit_opts[$((i + 1))]:-}" ;;
    --driver-memory=*) driver_memory="${submit_opts[$i]#*=}" ;;
    --driver-java-options) driver_java_opts="$driver_java_opts ${submit_opts[$((i + 1))]:-}" ;;
    --driver-class-path) driver_class_path="${submit_opts[$((i + 1))]:-}" ;;
  esac
done
if [ -n "$props_file" ]; then
  [ -f "$props_file" ] || { echo "spark-submit.sh: no such properties file: $props_file" >&2; exit 2; }
  [ -n "$driver_memory" ] || driver_memory="$(prop_value "$props_file" spark.driver.memory)"
  user_driver_xjo="$(prop_value "$props_file" spark.driver.extraJavaOptions)"
  user_executor_xjo="$(prop_value "$props_file" spark.executor.extraJavaOptions)"
fi
# --conf KEY=VALUE for the two extraJavaOptions keys are taken out and merged with the Java 17 flags
filtered=()
for ((i = 0; i < ${#submit_opts[@]}; i++)); do
  o="${submit_opts[$i]}"
  if [ "$o" = "--conf" ] || [ "$o" = "-c" ]; then
    kv="${submit_opts[$((i + 1))]:-}"
    case "$kv" in
      spark.driver.extraJavaOptions=*) user_driver_xjo="${kv#*=}"; i=$((i + 1)); continue ;;
      spark.executor.extraJavaOptions=*) user_executor_xjo="${kv#*=}"; i=$((i + 1)); continue ;;
      spark.driver.memory=*) [ -n "$driver_memory" ] || driver_memory="${kv#*=}" ;;
    esac
  fi
  filtered+=("$o")
done
submit_opts=("${filtered[@]+"${filtered[@]}"}")

# the Java 17 flags as one line (comments and blank lines of the @argfile dropped)
jvm_flags="$(sed -e 's/#.*$//' -e '/^[[:space:]]*$/d' "$here/conf/spark-jvm.args" | tr '\n' ' ' | sed -E 's/[[:space:]]+$//')"
driver_xjo="$jvm_flags${user_driver_xjo:+ $user_driver_xjo}"
if [ -z "${CRA_SPARK_LOGS:-}" ]; then # a driver launched by $SPARK_HOME/bin/spark-submit takes it from here
  driver_xjo="$driver_xjo -Dlog4j2.configurationFile=$here/conf/log4j2-quiet.properties"
fi
executor_xjo="$jvm_flags${user_executor_xjo:+ $user_executor_xjo}"

# --- cra subcommands that would otherwise override spark-submit's master with their local[*] default
case "${cra_args[0]}" in
  simulate|exposure|generate|limits|run)
    has_master=false
    for a in "${cra_args[@]}"; do
      case "$a" in --master|--master=*) has_master=true ;; esac
    done
    if ! $has_master; then cra_args+=(--master ""); fi ;;
esac

# --- the application jar
if [ -n "${CRA_APP_JAR:-}" ]; then
  jar="$CRA_APP_JAR"
  [ -f "$jar" ] || { echo "spark-submit.sh: CRA_APP_JAR=$jar: no such file" >&2; exit 2; }
else
  jar="$here/target/cr-anisotropy.jar"
  "$here/submit/build-jar" spark-submit.sh
fi

common=(--conf "spark.driver.extraJavaOptions=$driver_xjo" --conf "spark.executor.extraJavaOptions=$executor_xjo"
        --class org.cranisotropy.cli.Cra)

print_cmd() {
  local out="spark-submit.sh: running:" a
  for a in "$@"; do out+=" $(printf '%q' "$a")"; done
  echo "$out" >&2
}

if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  cmd=("$SPARK_HOME/bin/spark-submit" "${submit_opts[@]+"${submit_opts[@]}"}" "${common[@]}" "$jar" "${cra_args[@]}")
else
  if [ -n "${SPARK_HOME:-}" ] && [ -d "$SPARK_HOME/jars" ]; then
    spark_cp="$SPARK_HOME/jars/*"
  else
    provided="$here/target/provided-classpath.txt"
    [ -f "$provided" ] || "$here/submit/build-jar" spark-submit.sh
    spark_cp="$(cat "$provided")"
  fi
  [ -z "$driver_class_path" ] || spark_cp="$driver_class_path:$spark_cp"
  export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
  # shellcheck disable=SC2206
  extra_jvm=($driver_java_opts)
  cmd=(java @"$here/conf/spark-jvm.args" "-Xmx${driver_memory:-2g}" -Djava.awt.headless=true
       "${extra_jvm[@]+"${extra_jvm[@]}"}" -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit
       "${submit_opts[@]+"${submit_opts[@]}"}" "${common[@]}" "$jar" "${cra_args[@]}")
fi
print_cmd "${cmd[@]}"
exec "${cmd[@]}"
