package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Dispatching on node type accepts and refuses exactly what Atlassian's original schema does. */
class TypeDispatchTest {

    static final Schema ORIGINAL = original();

    @ParameterizedTest
    @ValueSource(strings = {
        "{'version':1,'type':'doc','content':[]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph'}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'text','text':'a','marks':[{'type':'strong'},{'type':'link','attrs':{'href':'https://x'}}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'text','text':''}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'text'}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'text':'no type'}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':['just a string']}]}",
        "{'version':1,'type':'doc','content':[{'type':'heading','attrs':{'level':3},'content':[{'type':'text','text':'h'}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'heading','attrs':{'level':7},'content':[]}]}",
        "{'version':1,'type':'doc','content':[{'type':'heading','content':[]}]}",
        "{'version':1,'type':'doc','content':[{'type':'codeBlock','content':[{'type':'text','text':'x','marks':[{'type':'strong'}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'codeBlock','attrs':{'language':'java'},'content':[{'type':'text','text':'x'}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph','content':[{'type':'inlineCard','attrs':{'url':'https://x'}}]}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'bulletList','content':[]}]}",
        "{'version':1,'type':'doc','content':[{'type':'orderedList','attrs':{'order':2},'content':[{'type':'listItem','content':[{'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph'}]}]}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'panel','attrs':{'panelType':'warning'},'content':[{'type':'paragraph','content':[{'type':'hardBreak'}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'panel','attrs':{'panelType':'nope'},'content':[{'type':'paragraph'}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'blockquote','content':[{'type':'paragraph','content':[{'type':'emoji','attrs':{'shortName':':x:'}}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'table','content':[{'type':'tableRow','content':[{'type':'tableHeader','content':[{'type':'paragraph'}]},{'type':'tableCell','content':[{'type':'paragraph','content':[{'type':'text','text':'v'}]}]}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'table','content':[{'type':'tableRow','content':[{'type':'paragraph'}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'expand','attrs':{'title':'t'},'content':[{'type':'nestedExpand','attrs':{'title':'n'},'content':[{'type':'paragraph'}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'rule'},{'type':'mention','attrs':{'id':'1'}}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'status','attrs':{'text':'OK','color':'green'}},{'type':'date','attrs':{'timestamp':'1'}}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'text','text':'a','marks':[{'type':'textColor','attrs':{'color':'#ff0000'}}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','content':[{'type':'text','text':'a','marks':[{'type':'textColor','attrs':{'color':'red'}}]}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'mediaSingle','content':[{'type':'media','attrs':{'type':'external','url':'https://x/y.png'}}]}]}",
        "{'version':1,'type':'doc','content':[{'type':'paragraph','extra':1}]}",
        "{'version':1,'type':'doc','content':[{'type':'sparkle'}]}",
        "{'version':2,'type':'doc','content':[]}",
        "{'type':'doc','content':[]}",
    })
    void bothSchemasGiveTheSameVerdict(String json) {
        JsonNode document = AdfJson.MAPPER.readTree(json.replace('\'', '"'));

        assertThat(AdfSchema.shared().isValid(document)).isEqualTo(ORIGINAL.validate(document).isEmpty());
        assertThat(AdfSchema.shared().problem(document).isEmpty()).isEqualTo(ORIGINAL.validate(document).isEmpty());
    }

    private static Schema original() {
        try (InputStream in = TypeDispatchTest.class.getResourceAsStream("/adf/adf-schema-v1-full.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(AdfJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
