# Ferry's image: built from source with the Maven wrapper on a JDK, run on a JRE as a non-root user, the
# jar's layers (dependencies, Spring Boot's loader, snapshot dependencies, Ferry's own classes) one image
# layer each, so a rebuild after a code change ships only the last one. See README.md, "Containers".
#
#   docker build -t ferry .
#   docker run -p 8080:8080 -p 8081:8081 -e FERRY_SECRET_KEY=... ferry

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar app/target/ferry.jar extract --layers --launcher --destination /extracted \
    && javac -d /healthcheck docker/HealthCheck.java

FROM eclipse-temurin:17-jre
RUN groupadd --system ferry && useradd --system --gid ferry --home-dir /app --no-create-home ferry \
    && mkdir -p /app/data && chown ferry:ferry /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --from=build /healthcheck/ /healthcheck/
USER ferry
# The default database (H2 under ./data) when no SPRING_DATASOURCE_URL is given: one node only.
VOLUME /app/data
# 8080: Jira, the product API and the console; 8081: the management port (health, Prometheus).
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/healthcheck", "HealthCheck", "http://localhost:8081/actuator/health/liveness"]
# SIGTERM (docker stop) starts Ferry's graceful shutdown: give it spring.lifecycle.timeout-per-shutdown-phase
# per phase (docker stop -t / compose stop_grace_period).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
