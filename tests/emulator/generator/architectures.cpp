#include "architectures.h"

#include "diagrambuilder.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Emulator {

namespace {

QJsonObject ec2(const QString &type, const QString &size, const QString &platform = u"linux"_s)
{
    return QJsonObject { { u"instanceType"_s, type }, { u"instanceSize"_s, size }, { u"platform"_s, platform },
        { u"transparent"_s, false },
        { u"billingOptions"_s, QJsonObject { { u"type"_s, u"od"_s }, { u"utilization"_s, 1 } } } };
}

QJsonObject rds(const QString &engine, const QString &type, const QString &size, const QString &role)
{
    return QJsonObject { { u"engine"_s, engine }, { u"instanceType"_s, type }, { u"instanceSize"_s, size },
        { u"role"_s, role }, { u"storage"_s, 100 }, { u"multiAZ"_s, role == u"primary" } };
}

QJsonObject s3(int dataGb, const QString &volumeType = u"Standard"_s)
{
    return QJsonObject { { u"volumeType"_s, volumeType }, { u"dataGb"_s, dataGb }, { u"putCopyPostRequests"_s, 100 },
        { u"getAndOtherRequests"_s, 1000 }, { u"lifecycleTransitions"_s, 0 } };
}

QJsonObject lambda(int memory, double mRequests)
{
    return QJsonObject { { u"memory"_s, memory }, { u"mRequests"_s, mRequests }, { u"computeDuration"_s, 250 } };
}

QJsonObject named(QJsonObject props, const QString &name)
{
    props.insert(u"name"_s, name);
    return props;
}

QJsonObject buildWebApp(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const int perZone = 1 + p.size;
    b.zone(2, 2, 3.5, 9);
    b.zone(7, 2, 3.5, 9);
    const QString dns = b.node(u"r53"_s, 6, -4);
    const QString cdn = b.node(u"cloudfront"_s, 3, -4, QJsonObject { { u"dataGb"_s, 500 }, { u"requests"_s, 20 } });
    const QString assets = b.node(u"s3"_s, 0, -4, named(s3(250), p.environment + u"-assets"_s));
    const QString lb = b.node(u"elb"_s, 6, 0, QJsonObject { { u"elbType"_s, u"application"_s }, { u"lcu"_s, 2 } });
    QStringList web;
    for (int zone = 0; zone < 2; ++zone) {
        for (int i = 0; i < perZone; ++i)
            web << b.node(u"ec2"_s, 2.5 + zone * 5 + (i % 2) * 1.5, 3 + (i / 2) * 1.5,
                ec2(u"m5"_s, p.size >= 2 ? u"xlarge"_s : u"large"_s));
    }
    const QString primary = b.node(u"rds"_s, 3, 8, rds(u"postgres"_s, u"r5"_s, u"large"_s, u"primary"_s));
    const QString replica = b.node(u"rds"_s, 8, 8, rds(u"postgres"_s, u"r5"_s, u"large"_s, u"replica"_s));
    const QString cache = b.node(u"elasticache"_s, 5.5, 8,
        QJsonObject { { u"instanceType"_s, u"cache.t3"_s }, { u"instanceSize"_s, u"medium"_s },
            { u"engine"_s, u"redis"_s }, { u"nodeCount"_s, 1 } });
    b.edge(dns, cdn);
    b.edge(cdn, assets);
    b.edge(cdn, lb);
    for (const QString &instance : std::as_const(web)) {
        b.edge(lb, instance);
        b.edge(instance, primary);
    }
    b.edge(web.first(), cache);
    b.edge(primary, replica);
    const QString asg = b.group(u"asg"_s, QString(), web,
        QJsonObject { { u"mapPos"_s, QJsonArray { 2.25, 2.75 } },
            { u"mapSize"_s, QJsonArray { 8.5, 1.5 * ((perZone + 1) / 2) } }, { u"layout"_s, u"even"_s } });
    const QString webSg = b.group(u"sg"_s, p.environment + u"-web-sg"_s, QStringList(web) << asg);
    const QString dbSg = b.group(u"sg"_s, p.environment + u"-db-sg"_s, { primary, replica, cache });
    b.group(
        u"vpc"_s, p.environment + u"-vpc"_s, QStringList(web) << lb << primary << replica << cache << webSg << dbSg);
    b.label(u"Application Load Balancer"_s, lb, 1.2, 0.2);
    b.label(u"Primary"_s, primary, 0, 1.1);
    b.label(u"Read replica"_s, replica, 0, 1.1);
    b.text(name, 0, -7, 30);
    return b.data(name);
}

QJsonObject buildServerlessApi(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const QString user = b.node(u"user"_s, 0, 4);
    const QString dns = b.node(u"r53"_s, 2.5, 4);
    const QString api
        = b.node(u"apigateway"_s, 5, 4, QJsonObject { { u"apiCalls"_s, 25 }, { u"cache"_s, p.size >= 2 } });
    QStringList functions;
    const QStringList handlers { u"create-order"_s, u"get-order"_s, u"list-orders"_s, u"cancel-order"_s };
    const int handlerCount = 2 + p.size;
    for (int i = 0; i < handlerCount && i < handlers.size(); ++i)
        functions << b.node(u"lambda"_s, 8, 1.5 + 2 * i, named(lambda(512, 5), handlers.at(i)));
    const QString table = b.node(u"dynamodb"_s, 11, 3,
        QJsonObject { { u"readUnits"_s, 25 }, { u"writeUnits"_s, 10 }, { u"datasetGb"_s, 20 },
            { u"readConsistency"_s, u"eventual"_s } });
    const QString queue
        = b.node(u"sqs"_s, 11, 6, QJsonObject { { u"requests"_s, 3 }, { u"queueType"_s, u"standard"_s } });
    const QString worker = b.node(u"lambda"_s, 14, 6, named(lambda(1024, 1), u"order-worker"_s));
    const QString topic
        = b.node(u"sns"_s, 17, 6, QJsonObject { { u"notifications"_s, 2 }, { u"notificationType"_s, u"email"_s } });
    const QString bucket = b.node(u"s3"_s, 14, 2, named(s3(40), u"order-receipts"_s));
    b.edge(user, dns);
    b.edge(dns, api);
    for (const QString &function : std::as_const(functions)) {
        b.edge(api, function);
        b.edge(function, table);
    }
    b.edge(functions.first(), queue);
    b.edge(queue, worker);
    b.edge(worker, topic);
    b.edge(worker, bucket);
    b.label(u"Orders API"_s, api, -0.5, 1.2);
    b.label(u"Async fulfilment"_s, worker, -0.5, 1.2);
    b.text(name, 0, -1, 30);
    return b.data(name);
}

QJsonObject buildDataLake(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const QString stream
        = b.node(u"kinesis"_s, 0, 3, QJsonObject { { u"shards"_s, 2 + 2 * p.size }, { u"putUnits"_s, 50 } });
    const QString ingest = b.node(u"lambda"_s, 3, 3, named(lambda(1024, 30), u"ingest-normalizer"_s));
    const QString raw = b.node(u"s3"_s, 6, 1, named(s3(5000), u"datalake-raw"_s));
    const QString curated = b.node(u"s3"_s, 6, 5, named(s3(2000), u"datalake-curated"_s));
    const QString etl = b.node(u"ec2"_s, 9, 3, named(ec2(u"r5"_s, u"2xlarge"_s), u"spark-etl"_s));
    const QString warehouse = b.node(u"redshift"_s, 12, 1,
        QJsonObject { { u"instanceType"_s, u"ra3"_s }, { u"instanceSize"_s, u"xlplus"_s }, { u"nodeCount"_s, 2 } });
    const QString search = b.node(u"es"_s, 12, 5,
        QJsonObject { { u"instanceType"_s, u"r6g"_s }, { u"instanceSize"_s, u"large"_s }, { u"instanceCount"_s, 3 } });
    const QString archive
        = b.node(u"s3"_s, 9, 7, named(s3(20000, u"Standard - Infrequent Access"_s), u"datalake-archive"_s));
    const QString catalog = b.node(
        u"dynamodb"_s, 3, 6, QJsonObject { { u"readUnits"_s, 5 }, { u"writeUnits"_s, 5 }, { u"datasetGb"_s, 1 } });
    b.edge(stream, ingest);
    b.edge(ingest, raw);
    b.edge(ingest, catalog);
    b.edge(raw, etl);
    b.edge(etl, curated);
    b.edge(curated, warehouse);
    b.edge(curated, search);
    b.edge(curated, archive, u"autoedge"_s);
    const QString sg = b.group(u"sg"_s, u"analytics-sg"_s, { etl, warehouse, search });
    b.group(u"vpc"_s, u"analytics-vpc"_s, { etl, warehouse, search, sg });
    b.label(u"Raw zone"_s, raw, 0, 1.1);
    b.label(u"Curated zone"_s, curated, 0, 1.1);
    b.text(name, 0, -2, 30);
    return b.data(name);
}

QJsonObject buildEksPlatform(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    b.zone(1, 3, 5, 7);
    b.zone(8, 3, 5, 7);
    const QString igw = b.node(u"internetgateway"_s, 6.5, -2);
    const QString lb = b.node(u"elb"_s, 6.5, 1, QJsonObject { { u"elbType"_s, u"network"_s }, { u"lcu"_s, 4 } });
    const QString natA = b.node(u"natgateway"_s, 2, 1, QJsonObject { { u"dataGb"_s, 200 } });
    const QString natB = b.node(u"natgateway"_s, 11, 1, QJsonObject { { u"dataGb"_s, 200 } });
    const QString cluster = b.node(u"eks"_s, 6.5, 4, named(QJsonObject {}, p.environment + u"-cluster"_s));
    QStringList workers;
    const int perZone = 2 + p.size;
    for (int zone = 0; zone < 2; ++zone) {
        for (int i = 0; i < perZone; ++i)
            workers << b.node(
                u"ec2"_s, 1.5 + zone * 7 + (i % 3) * 1.5, 5.5 + (i / 3) * 1.5, ec2(u"m6i"_s, u"2xlarge"_s));
    }
    const QString db = b.node(u"rds"_s, 3, 12, rds(u"aurora-postgresql"_s, u"r6g"_s, u"xlarge"_s, u"primary"_s));
    const QString cache = b.node(u"elasticache"_s, 6.5, 12,
        QJsonObject {
            { u"instanceType"_s, u"cache.r5"_s }, { u"instanceSize"_s, u"large"_s }, { u"engine"_s, u"redis"_s } });
    const QString files = b.node(u"efs"_s, 10, 12, QJsonObject { { u"usageGb"_s, 300 } });
    b.edge(igw, lb);
    b.edge(lb, cluster);
    for (const QString &worker : std::as_const(workers))
        b.edge(cluster, worker);
    b.edge(workers.first(), natA, u"autoedge"_s);
    b.edge(workers.last(), natB, u"autoedge"_s);
    b.edge(workers.first(), db);
    b.edge(workers.first(), cache);
    b.edge(workers.last(), files);
    const QStringList zoneA = workers.mid(0, perZone);
    const QStringList zoneB = workers.mid(perZone);
    const QString privateA = b.group(u"subnet"_s, u"private-a"_s, zoneA);
    const QString privateB = b.group(u"subnet"_s, u"private-b"_s, zoneB);
    const QString publicSubnet = b.group(u"subnet"_s, u"public"_s, { lb, natA, natB });
    const QString dataSubnet = b.group(u"subnet"_s, u"data"_s, { db, cache, files });
    b.group(u"asg"_s, QString(), workers,
        QJsonObject { { u"mapPos"_s, QJsonArray { 1.25, 5.25 } },
            { u"mapSize"_s, QJsonArray { 11.5, 1.5 * ((perZone + 2) / 3) } }, { u"layout"_s, u"manual"_s } });
    b.group(u"vpc"_s, p.environment + u"-platform-vpc"_s, { privateA, privateB, publicSubnet, dataSubnet, cluster });
    b.label(u"Kubernetes control plane"_s, cluster, 1.2, 0.2);
    b.text(name, 0, -5, 30);
    return b.data(name);
}

QJsonObject buildStaticSite(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const QString user = b.node(u"user"_s, 0, 2);
    const QString dns = b.node(u"r53"_s, 3, 2, QJsonObject { { u"requests"_s, 1 } });
    const QString cdn
        = b.node(u"cloudfront"_s, 6, 2, QJsonObject { { u"dataGb"_s, 100 + 200 * p.size }, { u"requests"_s, 5 } });
    const QString site = b.node(u"s3"_s, 9, 0.5, named(s3(5), u"www-site"_s));
    const QString logs
        = b.node(u"s3"_s, 9, 3.5, named(s3(50, u"One Zone - Infrequent Access"_s), u"www-access-logs"_s));
    const QString edge = b.node(u"lambda"_s, 6, -1, named(lambda(128, 10), u"security-headers"_s));
    b.edge(user, dns);
    b.edge(dns, cdn);
    b.edge(cdn, site);
    b.edge(cdn, logs, u"autoedge"_s);
    b.edge(cdn, edge);
    b.label(u"Static website"_s, site, 1.2, 0.2);
    b.text(name, 0, -3, 30);
    return b.data(name);
}

QJsonObject buildBatchPipeline(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const QString inbox = b.node(u"s3"_s, 0, 2, named(s3(800), u"batch-input"_s));
    const QString trigger = b.node(u"lambda"_s, 3, 2, named(lambda(256, 0.5), u"enqueue-jobs"_s));
    const QString queue = b.node(u"sqs"_s, 6, 2, QJsonObject { { u"requests"_s, 2 }, { u"queueType"_s, u"fifo"_s } });
    QStringList workers;
    for (int i = 0; i < 2 + 2 * p.size; ++i)
        workers << b.node(u"ec2"_s, 9 + (i % 3) * 1.5, 1 + (i / 3) * 1.5, ec2(u"c5"_s, u"2xlarge"_s));
    const QString state = b.node(
        u"dynamodb"_s, 14, 0, QJsonObject { { u"readUnits"_s, 10 }, { u"writeUnits"_s, 20 }, { u"datasetGb"_s, 2 } });
    const QString output = b.node(u"s3"_s, 14, 3, named(s3(1500), u"batch-output"_s));
    const QString notify = b.node(u"sns"_s, 14, 6, QJsonObject { { u"notifications"_s, 1 }, { u"emailsOut"_s, 1 } });
    b.edge(inbox, trigger);
    b.edge(trigger, queue);
    for (const QString &worker : std::as_const(workers)) {
        b.edge(queue, worker);
        b.edge(worker, output);
    }
    b.edge(workers.first(), state);
    b.edge(workers.last(), notify);
    const QString asg = b.group(u"asg"_s, QString(), workers,
        QJsonObject { { u"mapPos"_s, QJsonArray { 8.75, 0.75 } },
            { u"mapSize"_s, QJsonArray { 4.5, 1.5 * ((workers.size() + 2) / 3) } }, { u"layout"_s, u"even"_s } });
    const QString sg = b.group(u"sg"_s, u"batch-workers-sg"_s, { asg });
    b.group(u"vpc"_s, u"batch-vpc"_s, { sg });
    b.label(u"Spot workers"_s, workers.first(), 0, -1);
    b.text(name, 0, -2, 30);
    return b.data(name);
}

QJsonObject buildMicroservices(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    DiagramBuilder b(rng, p.region);
    const QString lb = b.node(u"elb"_s, 6, 0, QJsonObject { { u"elbType"_s, u"application"_s }, { u"lcu"_s, 3 } });
    const QStringList services { u"checkout"_s, u"payments"_s, u"ledger"_s, u"fraud-check"_s, u"refunds"_s };
    const int count = 3 + p.size;
    QStringList instances;
    for (int i = 0; i < count && i < services.size(); ++i)
        instances << b.node(u"ec2"_s, 1.5 + i * 2.5, 3, named(ec2(u"t3"_s, u"large"_s), services.at(i)));
    const QString bus = b.node(u"sns"_s, 3, 6, QJsonObject { { u"notifications"_s, 5 } });
    const QString queue = b.node(u"sqs"_s, 6, 6, QJsonObject { { u"requests"_s, 5 } });
    const QString ledger = b.node(u"rds"_s, 9, 6, rds(u"mysql"_s, u"m5"_s, u"large"_s, u"primary"_s));
    const QString sessions
        = b.node(u"dynamodb"_s, 12, 6, QJsonObject { { u"readUnits"_s, 50 }, { u"writeUnits"_s, 50 } });
    for (const QString &instance : std::as_const(instances))
        b.edge(lb, instance);
    b.edge(instances.at(0), bus);
    b.edge(bus, queue);
    b.edge(queue, instances.at(1));
    b.edge(instances.at(1), ledger);
    b.edge(instances.at(2), ledger);
    b.edge(instances.at(0), sessions);
    const QString sg = b.group(u"sg"_s, u"services-sg"_s, instances);
    const QString subnet = b.group(u"subnet"_s, u"private-services"_s, QStringList(instances) << sg);
    b.group(u"vpc"_s, u"payments-vpc"_s, { subnet, lb, ledger });
    b.text(name, 0, -3, 30);
    return b.data(name);
}

QJsonObject azureVm(const QString &instance, const QString &platform = u"linux"_s)
{
    return QJsonObject { { u"instance"_s, instance }, { u"platform"_s, platform }, { u"tier"_s, u"Standard"_s },
        { u"reservationTerm"_s, u"OnDemand"_s } };
}

QJsonObject buildAzureWebApp(const QString &name, const ArchitectureParams &p, Rng &rng)
{
    const QString region = p.region.contains(u'-') ? u"eastus"_s : p.region;
    DiagramBuilder b(rng, region);
    const QString gateway = b.node(u"azureappgateway"_s, 5, 0);
    const QString lb = b.node(u"azurelb"_s, 5, 2.5);
    QStringList vms;
    for (int i = 0; i < 2 + p.size; ++i)
        vms << b.node(
            u"azurevm"_s, 2 + i * 2, 5, named(azureVm(u"D2s_v3"_s), u"portal-vm-"_s + QString::number(i + 1)));
    const QString sql = b.node(u"azuresql"_s, 3, 9);
    const QString redis = b.node(u"azureredis"_s, 6, 9);
    const QString blob = b.node(u"azureblob"_s, 9, 9);
    const QString functions = b.node(u"azurefunctions"_s, 11, 5);
    b.edge(gateway, lb);
    for (const QString &vm : std::as_const(vms)) {
        b.edge(lb, vm);
        b.edge(vm, sql);
    }
    b.edge(vms.first(), redis);
    b.edge(functions, blob);
    b.edge(vms.last(), functions);
    const QString web = b.group(u"azuresubnet"_s, u"snet-web"_s, vms);
    const QString data = b.group(u"azuresubnet"_s, u"snet-data"_s, { sql, redis });
    b.group(u"azurevnet"_s, u"vnet-portal-"_s + p.environment, { web, data, lb });
    b.label(u"Application Gateway (WAF)"_s, gateway, 1.2, 0.2);
    b.text(name, 0, -3, 30);
    return b.data(name);
}

} // namespace

QList<Architecture> Architectures::all()
{
    return { Architecture::WebApp, Architecture::ServerlessApi, Architecture::DataLake, Architecture::EksPlatform,
        Architecture::StaticSite, Architecture::BatchPipeline, Architecture::Microservices, Architecture::AzureWebApp };
}

QString Architectures::slug(Architecture architecture)
{
    switch (architecture) {
    case Architecture::WebApp:
        return u"web-app"_s;
    case Architecture::ServerlessApi:
        return u"serverless"_s;
    case Architecture::DataLake:
        return u"data-lake"_s;
    case Architecture::EksPlatform:
        return u"kubernetes"_s;
    case Architecture::StaticSite:
        return u"static-site"_s;
    case Architecture::BatchPipeline:
        return u"batch"_s;
    case Architecture::Microservices:
        return u"microservices"_s;
    case Architecture::AzureWebApp:
        return u"azure"_s;
    }
    return {};
}

bool Architectures::isAzure(Architecture architecture)
{
    return architecture == Architecture::AzureWebApp;
}

QJsonObject Architectures::build(
    Architecture architecture, const QString &name, const ArchitectureParams &params, Rng &rng)
{
    switch (architecture) {
    case Architecture::WebApp:
        return buildWebApp(name, params, rng);
    case Architecture::ServerlessApi:
        return buildServerlessApi(name, params, rng);
    case Architecture::DataLake:
        return buildDataLake(name, params, rng);
    case Architecture::EksPlatform:
        return buildEksPlatform(name, params, rng);
    case Architecture::StaticSite:
        return buildStaticSite(name, params, rng);
    case Architecture::BatchPipeline:
        return buildBatchPipeline(name, params, rng);
    case Architecture::Microservices:
        return buildMicroservices(name, params, rng);
    case Architecture::AzureWebApp:
        return buildAzureWebApp(name, params, rng);
    }
    return {};
}

} // namespace Cloudcraft::Emulator
