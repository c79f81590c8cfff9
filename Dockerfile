# The harness-deployer worker image (docker compose builds it; see README "Production").
# Build stage: the Maven wrapper builds the worker module and lists its runtime classpath.
FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl worker -am package \
 && mkdir -p /out/lib \
 && cp "$(ls worker/target/worker-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)" /out/worker.jar \
 && tr ':' '\n' < worker/target/runtime-classpath.txt | xargs -I{} cp {} /out/lib/

# Runtime stage: a JRE only, as an unprivileged user.
FROM eclipse-temurin:17.0.13_11-jre-jammy
RUN groupadd --system --gid 10001 deployer \
 && useradd --system --uid 10001 --gid deployer --home-dir /home/deployer --create-home deployer
COPY --from=build /out /app
USER 10001:10001
WORKDIR /home/deployer
ENV HARNESS_DEPLOYER_METRICS_PORT=9464
EXPOSE 9464
# Exec form: java is PID 1 and gets SIGTERM itself; its shutdown hook drains the worker.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dlogback.configurationFile=worker-logback.xml", "-cp", "/app/worker.jar:/app/lib/*", "io.harnessdeployer.worker.WorkerMain"]
